/**
 * The reference backend: a real HTTP server (Jetty 12 core) on a real database (H2 file or PostgreSQL) that
 * implements docs/api/openapi.yaml. {@link dev.madoguchi.backend.ReferenceBackend} starts it in-process; the command
 * line is {@link dev.madoguchi.backend.cli.BackendMain} ({@code ./madoguchi backend}). Decisions: docs/adr/0010.
 *
 * <p>Threads: the server owns Jetty's request thread pool ({@code backend-http-*}) and HikariCP's housekeeping thread;
 * both start in {@link dev.madoguchi.backend.ReferenceBackend#start} and stop in
 * {@link dev.madoguchi.backend.ReferenceBackend#close}. Repositories are synchronous and thread-safe.
 */
package dev.madoguchi.backend;
