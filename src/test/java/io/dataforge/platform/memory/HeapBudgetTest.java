package io.dataforge.platform.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theContainersHeapIsSharedOutFromItsOldGeneration() {
        // 512 MB container at 30 %: the parallel collector's old generation is 103 MB of
        // the 154 MB heap
        HeapBudget budget = new HeapBudget(103 * MB, 56 * MB);

        assertThat(budget.work()).isEqualTo(103 * MB * 85 / 100 - 56 * MB);
        assertThat(budget.storageBuffers()).isEqualTo(budget.work() * 35 / 100);
        assertThat(budget.conversions()).isEqualTo(budget.work() * 45 / 100);
    }

    @Test
    void aHeapTooSmallForTheReserveRefusesToStartAndSaysWhy() {
        assertThatThrownBy(() -> new HeapBudget(64 * MB, 56 * MB)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("dataforge.memory.reserved")
            .hasMessageContaining("more heap");
    }

}
