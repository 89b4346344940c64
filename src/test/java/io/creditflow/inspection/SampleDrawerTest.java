package io.creditflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation over grades and the choice of positions, without a database. */
class SampleDrawerTest {

  private static Map<String, Integer> book(Object... gradeAndCount) {
    Map<String, Integer> book = new LinkedHashMap<>();
    for (int i = 0; i < gradeAndCount.length; i += 2) {
      book.put((String) gradeAndCount[i], (Integer) gradeAndCount[i + 1]);
    }
    return book;
  }

  @Test
  void theSampleIsSharedOutInProportionToTheGrades() {
    // 20 of 1,000: A 500 -> 10, B 300 -> 6, C 150 -> 3, D 50 -> 1
    assertThat(SampleDrawer.allocate(book("A", 500, "B", 300, "C", 150, "D", 50), 20))
        .containsExactly(Map.entry("A", 10), Map.entry("B", 6), Map.entry("C", 3), Map.entry("D", 1));
    // 5 of 10: A 2.5, B 1.5, C 1.0 -> the largest remainder first, ties by grade: A 3, B 1, C 1
    assertThat(SampleDrawer.allocate(book("A", 5, "B", 3, "C", 2), 5))
        .containsExactly(Map.entry("A", 3), Map.entry("B", 1), Map.entry("C", 1));
  }

  @Test
  void everyGradePresentIsRepresentedWhenTheSampleAllowsIt() {
    // 10 of 1,000: quotas A 9.0, B 0.6, C 0.36, E 0.04; B, C and E get one each, taken back from A
    Map<String, Integer> allocation = SampleDrawer.allocate(book("A", 900, "B", 60, "C", 36, "E", 4), 10);
    assertThat(allocation).containsExactly(Map.entry("A", 7), Map.entry("B", 1), Map.entry("C", 1),
        Map.entry("E", 1));
    // fewer loans than grades: the largest quotas win
    assertThat(SampleDrawer.allocate(book("A", 900, "B", 60, "C", 36, "E", 4), 2))
        .containsExactly(Map.entry("A", 2), Map.entry("B", 0), Map.entry("C", 0), Map.entry("E", 0));
  }

  @Test
  void aSampleAsLargeAsTheBookTakesEveryLoan() {
    assertThat(SampleDrawer.allocate(book("A", 2, "C", 1), 5)).containsExactly(Map.entry("A", 2), Map.entry("C", 1));
  }

  @Test
  void positionsAreDistinctInRangeAndReproducibleFromTheSeed() {
    List<Integer> first = SampleDrawer.choose(new SplittableRandom(42), 1000, 25);
    assertThat(first).hasSize(25).doesNotHaveDuplicates().allMatch(p -> p >= 0 && p < 1000).isSorted();
    assertThat(SampleDrawer.choose(new SplittableRandom(42), 1000, 25)).isEqualTo(first);
    assertThat(SampleDrawer.choose(new SplittableRandom(43), 1000, 25)).isNotEqualTo(first);
    assertThat(SampleDrawer.choose(new SplittableRandom(7), 4, 4)).containsExactly(0, 1, 2, 3);
  }
}
