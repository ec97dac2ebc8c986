/** Printing rendered forms through the operating system's print service (javax.print, PDFBox's PDFPageable). */
package dev.madoguchi.forms.print;
