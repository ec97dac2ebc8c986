package dev.madoguchi.demo;

import java.util.ArrayList;
import java.util.List;

/** Items with integer weights, picked with a {@link DemoRandom}. */
final class Weighted<T> {

    private final List<T> items = new ArrayList<>();
    private final List<Integer> cumulative = new ArrayList<>();
    private int total;

    Weighted<T> add(int weight, T item) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive");
        }
        total += weight;
        items.add(item);
        cumulative.add(total);
        return this;
    }

    T pick(DemoRandom random) {
        int ticket = random.nextInt(total);
        int low = 0;
        int high = cumulative.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative.get(middle) > ticket) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return items.get(low);
    }
}
