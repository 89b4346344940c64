package io.creditflow.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How a sample is drawn, reproducibly from a seed: a proportional allocation of the sample over the grades (largest
 * remainder, at least one loan of every grade present when the sample is at least as large as the number of grades),
 * then within each grade, in grade order, positions chosen with Floyd's algorithm from one
 * {@link SplittableRandom} seeded with the recorded seed. Positions index the grade's active loans ordered by loan
 * number, so the same seed over the same book gives the same sample.
 */
final class SampleDrawer {

  private SampleDrawer() {}

  /** Loans to draw per grade; {@code population} in grade order. */
  static Map<String, Integer> allocate(Map<String, Integer> population, int size) {
    int total = population.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Integer> allocation = new LinkedHashMap<>();
    if (size >= total) {
      allocation.putAll(population);
      return allocation;
    }
    boolean everyGrade = size >= population.size();
    Map<String, Double> remainder = new LinkedHashMap<>();
    int allocated = 0;
    for (Map.Entry<String, Integer> grade : population.entrySet()) {
      double quota = (double) size * grade.getValue() / total;
      int base = (int) Math.floor(quota);
      if (everyGrade && base == 0 && grade.getValue() > 0) {
        base = 1;
      }
      allocation.put(grade.getKey(), base);
      remainder.put(grade.getKey(), quota - Math.floor(quota));
      allocated += base;
    }
    List<String> byRemainder = new ArrayList<>(population.keySet());
    byRemainder.sort(Comparator.comparingDouble((String g) -> -remainder.get(g)).thenComparing(g -> g));
    while (allocated < size) {
      for (String grade : byRemainder) {
        if (allocated < size && allocation.get(grade) < population.get(grade)) {
          allocation.merge(grade, 1, Integer::sum);
          allocated++;
        }
      }
    }
    // minimum-one bumps can overshoot: take back from the largest allocations (smallest remainder first)
    while (allocated > size) {
      List<String> smallestRemainderFirst = new ArrayList<>(byRemainder);
      java.util.Collections.reverse(smallestRemainderFirst);
      String largest = smallestRemainderFirst.stream().filter(g -> allocation.get(g) > 1)
          .max(Comparator.comparingInt(allocation::get)).orElseThrow();
      allocation.merge(largest, -1, Integer::sum);
      allocated--;
    }
    return allocation;
  }

  /** {@code k} distinct positions out of {@code 0 .. n-1} (Floyd), ascending. */
  static List<Integer> choose(SplittableRandom random, int n, int k) {
    Set<Integer> chosen = new HashSet<>();
    for (int j = n - k; j < n; j++) {
      int t = random.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    return chosen.stream().sorted().toList();
  }
}
