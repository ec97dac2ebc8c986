package dev.madoguchi.demo;

import java.time.LocalDate;

/** The year of the Japanese era (和暦) of a date, from 明治 on; the first year (元年) is 1. */
final class JapaneseEraYear {

    /** First days of 明治, 大正, 昭和, 平成, 令和. */
    private static final LocalDate[] ERA_STARTS = {
        LocalDate.of(1868, 9, 8),
        LocalDate.of(1912, 7, 30),
        LocalDate.of(1926, 12, 25),
        LocalDate.of(1989, 1, 8),
        LocalDate.of(2019, 5, 1),
    };

    private JapaneseEraYear() {
    }

    static int of(LocalDate date) {
        for (int i = ERA_STARTS.length - 1; i >= 0; i--) {
            if (!date.isBefore(ERA_STARTS[i])) {
                return date.getYear() - ERA_STARTS[i].getYear() + 1;
            }
        }
        throw new IllegalArgumentException("dates before 明治 (1868-09-08) have no era year here");
    }
}
