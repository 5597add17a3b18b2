/**
 * Benchmarks of the EDI engine: translation against StAEDI reading the same documents alone, side by side, and a
 * streamed 50 MB ship notice under a small heap. {@code java -jar benchmarks/target/benchmarks.jar}; results in
 * BENCHMARKS.md.
 */
package io.seamline.benchmarks;
