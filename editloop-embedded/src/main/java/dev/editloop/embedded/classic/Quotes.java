package dev.editloop.embedded.classic;

import java.util.ArrayList;
import java.util.List;

/** Finds quoted text ("…", “…”, or '…' opened at a word start) so that nothing inside quotes is read as words. */
final class Quotes {
    private Quotes() {}

    /** The quoted spans, each {start, end} including both quote marks, in order. */
    static List<int[]> spans(String s) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"' && s.charAt(j) != '”' && s.charAt(j) != '“') {
                    j++;
                }
                if (j >= n) {
                    break; // an unmatched quote: the rest is read as words
                }
                spans.add(new int[] {i, j + 1});
                i = j + 1;
                continue;
            }
            if ((c == '\'' || c == '‘') && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n) {
                    char d = s.charAt(j);
                    if ((d == '\'' || d == '’') && (j + 1 == n || !Character.isLetterOrDigit(s.charAt(j + 1)))) {
                        break;
                    }
                    j++;
                }
                if (j < n && j > i + 1) {
                    spans.add(new int[] {i, j + 1});
                    i = j + 1;
                    continue;
                }
            }
            i++;
        }
        return spans;
    }
}
