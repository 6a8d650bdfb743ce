package io.simplenet.compiler.internal.parse;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions: the closest candidate by edit distance, when it is close enough. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code wrong} (ignoring case), or null if none is within a third of
   * the longer name's length, so short names only match a case variant. Ties go to the earliest
   * candidate.
   */
  static String closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lowerWrong = wrong.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      if (candidate.equals(wrong)) {
        continue;
      }
      int distance = distance(lowerWrong, candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.max(wrong.length(), candidate.length()) / 3;
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** {@code "; did you mean 'x'?"} for the closest candidate, or empty. */
  static String didYouMean(String wrong, Collection<String> candidates) {
    String closest = closest(wrong, candidates);
    return closest == null ? "" : "; did you mean '" + closest + "'?";
  }

  /**
   * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
   * adjacent characters each cost one, so the common typo {@code Scroe} is one edit from
   * {@code Score}.
   */
  static int distance(String a, String b) {
    int[] beforePrevious = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        int best = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, beforePrevious[j - 2] + 1);
        }
        current[j] = best;
      }
      int[] recycled = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = recycled;
    }
    return previous[b.length()];
  }
}
