package dev.madoguchi.forms.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.print.Book;
import java.awt.print.PageFormat;
import java.awt.print.Printable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollatedCopiesTest {

    @Test
    void threeCopiesOfATwoPageFormAreSixPagesInCollatedOrder() throws Exception {
        List<Integer> drawn = new ArrayList<>();
        Book book = new Book();
        // like PDFBox's Printable, the page drawn is the index the job passes
        Printable byIndex = (graphics, format, index) -> {
            drawn.add(index);
            return index < 2 ? Printable.PAGE_EXISTS : Printable.NO_SUCH_PAGE;
        };
        book.append(byIndex, new PageFormat(), 2);
        CollatedCopies copies = new CollatedCopies(book, 3);
        assertThat(copies.getNumberOfPages()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(copies.getPrintable(i).print(null, copies.getPageFormat(i), i)).isEqualTo(Printable.PAGE_EXISTS);
        }
        assertThat(drawn).containsExactly(0, 1, 0, 1, 0, 1);
        assertThatThrownBy(() -> copies.getPrintable(6)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
