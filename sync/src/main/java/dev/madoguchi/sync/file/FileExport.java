package dev.madoguchi.sync.file;

import java.nio.file.Path;
import java.util.List;

/** What one file-linkage export wrote: the complete files and how many messages they delivered. */
public record FileExport(List<Path> files, int applications, int evacueeEvents, int leftoversRemoved) {

    public FileExport {
        files = List.copyOf(files);
    }
}
