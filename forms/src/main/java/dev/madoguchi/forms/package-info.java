/**
 * Standardized form definitions, pre-fill, life-event rules, PDF rendering and signed QR codes. Filled by the forms
 * issue; a library module without JavaFX (docs/architecture.md).
 */
package dev.madoguchi.forms;
