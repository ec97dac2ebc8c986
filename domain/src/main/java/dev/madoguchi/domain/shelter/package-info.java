/**
 * The shelter (避難所) mode's vocabulary, shared by the store, the CLI and the screens: shelters, people and households
 * as staff record them at check-in, care flags, the three consent items of the safety-information form (様式第1号
 * ⑫⑬⑭), where a household stays and where a person goes when they leave. Values only; no persistence, no UI.
 */
package dev.madoguchi.domain.shelter;
