package dev.madoguchi.forms.print;

import java.awt.print.PageFormat;
import java.awt.print.Pageable;
import java.awt.print.Printable;

/** A document repeated {@code copies} times, collated (1 2 3, 1 2 3): the copies travel as pages of one job. */
final class CollatedCopies implements Pageable {

    private final Pageable document;
    private final int copies;

    CollatedCopies(Pageable document, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies " + copies);
        }
        this.document = document;
        this.copies = copies;
    }

    @Override
    public int getNumberOfPages() {
        return document.getNumberOfPages() * copies;
    }

    @Override
    public PageFormat getPageFormat(int pageIndex) {
        return document.getPageFormat(check(pageIndex) % document.getNumberOfPages());
    }

    @Override
    public Printable getPrintable(int pageIndex) {
        int pageOfCopy = check(pageIndex) % document.getNumberOfPages();
        Printable printable = document.getPrintable(pageOfCopy);
        // PDFBox's Printable draws the page the job names, so the job's index is mapped back to the copy's page
        return (graphics, format, index) -> printable.print(graphics, format, index % document.getNumberOfPages());
    }

    private int check(int pageIndex) {
        if (pageIndex < 0 || pageIndex >= getNumberOfPages()) {
            throw new IndexOutOfBoundsException("page " + pageIndex + " of " + getNumberOfPages());
        }
        return pageIndex;
    }
}
