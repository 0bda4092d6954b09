package org.pouch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PilgrimCsvCellsTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+92 300", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void cellsThatSpreadsheetsWouldRunGetALeadingApostropheAndComeBackUnchanged(String cell) {
        assertThat(CsvCells.neutralise(cell)).isEqualTo("'" + cell);
        assertThat(CsvCells.unneutralise(CsvCells.neutralise(cell))).isEqualTo(cell);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Khan", "عائشہ خان", "'quoted", "2027-02-14", ""})
    void otherCellsAreLeftAlone(String cell) {
        assertThat(CsvCells.neutralise(cell)).isEqualTo(cell);
        assertThat(CsvCells.unneutralise(cell)).isEqualTo(cell);
    }
}
