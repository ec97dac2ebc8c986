package dev.madoguchi.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Strongly connected components (Tarjan) of a package graph: each component of two or more packages is a cycle. */
final class PackageGraph {

    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> cycles = new ArrayList<>();
    private int next;

    private PackageGraph(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        PackageGraph graph = new PackageGraph(edges);
        for (String node : edges.keySet()) {
            if (!graph.index.containsKey(node)) {
                graph.visit(node);
            }
        }
        return graph.cycles;
    }

    private void visit(String node) {
        index.put(node, next);
        low.put(node, next);
        next++;
        stack.push(node);
        onStack.add(node);
        for (String target : edges.getOrDefault(node, Set.of())) {
            if (!index.containsKey(target)) {
                visit(target);
                low.put(node, Math.min(low.get(node), low.get(target)));
            } else if (onStack.contains(target)) {
                low.put(node, Math.min(low.get(node), index.get(target)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
