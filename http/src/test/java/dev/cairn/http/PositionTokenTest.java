package dev.cairn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PositionTokenTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, Long.MAX_VALUE})
    void a_position_survives_formatting_and_parsing(long position) {
        assertThat(PositionToken.parse(PositionToken.format(position))).isEqualTo(position);
    }

    @Test
    void a_token_is_the_decimal_position() {
        assertThat(PositionToken.format(1234)).isEqualTo("1234");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "+1", "1.0", "0x10", " 1", "1e3", "abc", "１２"})
    void anything_but_decimal_digits_is_refused(String token) {
        assertThatThrownBy(() -> PositionToken.parse(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a log position");
    }

    @Test
    void a_number_beyond_the_largest_position_is_refused() {
        assertThatThrownBy(() -> PositionToken.parse("9223372036854775808"))
                .hasMessageContaining("beyond the largest log position");
        assertThatThrownBy(() -> PositionToken.parse("1".repeat(50)))
                .hasMessageContaining("beyond the largest log position");
    }

    @Test
    void a_negative_position_has_no_token() {
        assertThatThrownBy(() -> PositionToken.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
