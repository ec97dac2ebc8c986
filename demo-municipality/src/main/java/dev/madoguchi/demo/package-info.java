/**
 * The demo municipality: a seeded, deterministic, fictional resident register (架空県窓口市) with households, foreign
 * residents and My Number Cards, for the demo mode, the simulated card reader, tests and benchmarks.
 *
 * <p>Entry points: {@link dev.madoguchi.demo.DemoMunicipality#generate(long, int)} and
 * {@link dev.madoguchi.demo.DemoMunicipalityCsv}. Pure Java: no JavaFX, no threads, no logging.
 */
package dev.madoguchi.demo;
