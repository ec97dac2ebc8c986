package dev.madoguchi.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the memory harnesses and session drivers (counter and shelter) read about their own JVM: VmRSS and its parts,
 * the peak, the X shared memory, the live heap and jcmd's diagnostics (Linux). {@link Samples} is the sampling both
 * session drivers print.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    /** VmRSS in kB of this JVM after a full GC. */
    public static long rssAfterGc() throws IOException {
        System.gc();
        return rss();
    }

    public static String rssPartsAfterGc() throws IOException {
        System.gc();
        return rssParts();
    }

    /** VmRSS in kB of this JVM as it is. */
    public static long rss() throws IOException {
        return status("VmRSS");
    }

    /** A kB value of /proc/self/status: VmRSS, RssAnon (heap, malloc, stacks), RssFile (mapped files: libraries, jars,
     * fonts, the CDS archive; shared and reclaimable), RssShmem. */
    public static long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** "VmRSS n MB (anonymous n MB, files n MB)" as it is now. */
    public static String rssParts() throws IOException {
        return String.format("VmRSS %d MB (anonymous %d MB, files %d MB, shmem %d MB)", status("VmRSS") / 1024,
                status("RssAnon") / 1024, status("RssFile") / 1024, status("RssShmem") / 1024);
    }

    /** Prints the live heap after a full GC, its byte arrays and VmRSS, prefixed for grep. */
    public static void liveHeap(String prefix, String when) throws IOException, InterruptedException {
        List<String> lines = run("GC.class_histogram");
        String total = lines.stream().filter(l -> l.startsWith("Total")).findFirst().orElse("?");
        String bytes = lines.stream().filter(l -> l.contains(" [B ")).findFirst().orElse("?");
        System.out.println(prefix + when + ": " + total.replaceAll("\\s+", " ") + " | byte[]: "
                + bytes.replaceAll("\\s+", " ") + " | after a full GC " + rssPartsAfterGc());
    }

    /**
     * The System V shared memory segments mapped by this process (the X server's MIT-SHM images: cairo, under GTK,
     * uploads each window's pixels through them), each as "size MB (resident MB)".
     */
    public static String sharedSegments() throws IOException {
        List<String> segments = new ArrayList<>();
        long size = 0;
        boolean shm = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] range = line.substring(0, line.indexOf(' ')).split("-");
                size = Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16);
                shm = line.contains("/SYSV");
            } else if (shm && line.startsWith("Rss:")) {
                segments.add(String.format("%d MB (%d MB)", size >> 20,
                        Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024));
            }
        }
        return segments.isEmpty() ? "none" : segments.size() + " segments: " + String.join(", ", segments);
    }

    /** Prints the mappings of this process with the most resident memory (/proc/self/smaps), summed per file. */
    public static void topMappings(String prefix, int count) throws IOException {
        java.util.Map<String, Long> rss = new java.util.HashMap<>();
        String name = "?";
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] parts = line.trim().split("\\s+", 6);
                name = parts.length == 6 ? parts[5] : "[anonymous]";
            } else if (line.startsWith("Rss:")) {
                rss.merge(name, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
            }
        }
        rss.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .forEach(e -> System.out.printf("%s%6d kB  %s%n", prefix, e.getValue(), e.getKey()));
    }

    /** Prints the first lines of a jcmd diagnostic command on this JVM, prefixed for grep. */
    public static void jcmd(String prefix, String... command) throws IOException, InterruptedException {
        boolean nmt = command[0].equals("VM.native_memory");
        run(command).stream().filter(l -> !nmt || l.startsWith("Total") || l.startsWith("-") || l.contains("(reserved="))
                .filter(l -> nmt || !l.isBlank()).limit(nmt ? 60 : Integer.getInteger("madoguchi.bench.histogram", 22))
                .forEach(l -> System.out.println(prefix + l));
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid())));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor();
        return lines;
    }

    /** One VmRSS sample in kB: as it was, after a full GC (or -1 when none was made) and the peak so far (VmHWM). */
    public record Sample(long rss, long rssAfterGc, long peak) {
    }

    /**
     * The VmRSS samples of a session, printed on lines that start with the driver's prefix: each with its parts
     * (anonymous, files, shared memory), VmHWM and the X shared memory segments; the largest one kept.
     */
    public static final class Samples {

        private final String prefix;
        private long largest;

        public Samples(String prefix) {
            this.prefix = prefix;
        }

        /** Prints "when: VmRSS … MB (parts), VmHWM … MB" and the X shared memory. */
        public Sample take(String when) throws IOException {
            return take(when, false);
        }

        /** As {@link #take}, then VmRSS once more after a full GC. */
        public Sample takeWithGc(String when) throws IOException {
            return take(when, true);
        }

        /** The largest VmRSS sampled (as it was), in kB. */
        public long largest() {
            return largest;
        }

        private Sample take(String when, boolean gc) throws IOException {
            long rss = rss();
            largest = Math.max(largest, rss);
            String parts = rssParts();
            long afterGc = gc ? rssAfterGc() : -1;
            long peak = status("VmHWM");
            System.out.printf("%s%s: %s%s, VmHWM %d MB%n", prefix, when, parts,
                    gc ? ", after a full GC " + afterGc / 1024 + " MB" : "", peak / 1024);
            System.out.println(prefix + "  X shared memory: " + sharedSegments());
            return new Sample(rss, afterGc, peak);
        }
    }
}
