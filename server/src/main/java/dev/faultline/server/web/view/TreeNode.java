package dev.faultline.server.web.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of a JSON-like tree (custom data, error data, anything a report carries as free-form
 * values) as the page shows it: a leaf with a value, or a branch drawn as a nested
 * {@code <details>}. Big trees are cut so that one hostile report cannot make a page enormous.
 *
 * @param key the map key, or {@code [index]} in a list
 * @param value a leaf's value as text; null for a branch
 * @param type {@code string}, {@code number}, {@code boolean}, {@code null}, {@code object} or
 *     {@code array}, for styling
 * @param children a branch's entries; empty for a leaf
 * @param omitted how many entries of a branch were cut
 */
public record TreeNode(String key, String value, String type, List<TreeNode> children, int omitted) {
    static final int MAX_DEPTH = 16;
    static final int MAX_CHILDREN = 200;
    static final int MAX_VALUE = 10_000;

    public boolean leaf() {
        return value != null;
    }

    /** What a closed branch says about itself: "3 keys", "2 items". */
    public String summary() {
        int size = children.size() + omitted;
        return "object".equals(type) ? size + (size == 1 ? " key" : " keys") : size + (size == 1 ? " item" : " items");
    }

    /** The entries of a map, in its order; empty for null or an empty map. */
    public static List<TreeNode> of(Map<String, ?> map) {
        return map == null ? List.of() : node("", map, 0).children();
    }

    /** Whether a tree has anything to show. */
    public static boolean isEmpty(Map<String, ?> map) {
        return map == null || map.isEmpty();
    }

    static TreeNode node(String key, Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (depth >= MAX_DEPTH) {
                return leaf(key, String.valueOf(map), "object");
            }
            List<TreeNode> children = new ArrayList<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (children.size() == MAX_CHILDREN) {
                    break;
                }
                children.add(node(String.valueOf(entry.getKey()), entry.getValue(), depth + 1));
            }
            return new TreeNode(key, null, "object", List.copyOf(children), map.size() - children.size());
        }
        if (value instanceof List<?> list) {
            if (depth >= MAX_DEPTH) {
                return leaf(key, String.valueOf(list), "array");
            }
            List<TreeNode> children = new ArrayList<>();
            for (int index = 0; index < list.size() && index < MAX_CHILDREN; index++) {
                children.add(node("[" + index + "]", list.get(index), depth + 1));
            }
            return new TreeNode(key, null, "array", List.copyOf(children), list.size() - children.size());
        }
        if (value == null) {
            return leaf(key, "null", "null");
        }
        if (value instanceof Number) {
            return leaf(key, value.toString(), "number");
        }
        if (value instanceof Boolean) {
            return leaf(key, value.toString(), "boolean");
        }
        return leaf(key, value.toString(), "string");
    }

    private static TreeNode leaf(String key, String text, String type) {
        String shown = text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
        return new TreeNode(key, shown, type, List.of(), 0);
    }
}
