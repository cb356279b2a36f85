package dev.faultline.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Orders application versions as versions, not strings: {@code 1.10.0} comes after {@code 1.9.2}.
 * A version is read as runs of digits and runs of letters; anything else separates them. Runs are
 * compared in turn: numbers by value, words alphabetically ignoring case, and a number after a
 * word (so {@code 1.0.rc1} comes before {@code 1.0.1}). When one version runs out, missing numbers
 * count as zero ({@code 1.0} equals {@code 1.0.0}), and a remaining word marks a pre-release
 * ({@code 1.0-beta} comes before {@code 1.0}). App Center's {@code 1.2 (34)} orders by version,
 * then build.
 */
public final class Versions {
    private Versions() {}

    /** Negative, zero or positive as {@code a} is before, the same as, or after {@code b}. */
    public static int compare(String a, String b) {
        List<String> left = runs(a);
        List<String> right = runs(b);
        int shared = Math.min(left.size(), right.size());
        for (int i = 0; i < shared; i++) {
            int order = compareRuns(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.signum(tail(left, shared)) - Integer.signum(tail(right, shared));
    }

    /** How the runs after {@code from} weigh: 1 when a non-zero number leads, -1 for a word, else 0. */
    private static int tail(List<String> runs, int from) {
        for (int i = from; i < runs.size(); i++) {
            String run = runs.get(i);
            if (!isNumber(run)) {
                return -1;
            }
            if (!stripZeros(run).isEmpty()) {
                return 1;
            }
        }
        return 0;
    }

    private static int compareRuns(String left, String right) {
        boolean leftNumber = isNumber(left);
        boolean rightNumber = isNumber(right);
        if (leftNumber && rightNumber) {
            String l = stripZeros(left);
            String r = stripZeros(right);
            return l.length() != r.length() ? Integer.compare(l.length(), r.length()) : l.compareTo(r);
        }
        if (leftNumber != rightNumber) {
            return leftNumber ? 1 : -1;
        }
        return left.toLowerCase(Locale.ROOT).compareTo(right.toLowerCase(Locale.ROOT));
    }

    private static List<String> runs(String version) {
        List<String> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= version.length(); i++) {
            char c = i < version.length() ? version.charAt(i) : ' ';
            boolean sameKind =
                    start >= 0 && Character.isLetterOrDigit(c) && isDigit(c) == isDigit(version.charAt(start));
            if (sameKind) {
                continue;
            }
            if (start >= 0) {
                runs.add(version.substring(start, i));
            }
            start = Character.isLetterOrDigit(c) ? i : -1;
        }
        return runs;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumber(String run) {
        return isDigit(run.charAt(0));
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
