package io.seamline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MagnitudeTest {

    @Test
    void aQuantityHasAtMostFourteenDigitsBeforeAndFourAfterThePoint() {
        assertThat(Magnitude.QUANTITY.fits(new BigDecimal("99999999999999.9999")))
                .isTrue();
        assertThat(Magnitude.QUANTITY.fits(new BigDecimal("12.50000")))
                .as("trailing zeros do not count")
                .isTrue();
        assertThat(Magnitude.QUANTITY.problem(new BigDecimal("100000000000000")))
                .hasValueSatisfying(p -> assertThat(p).contains("14 digits before"));
        assertThat(Magnitude.QUANTITY.problem(new BigDecimal("1.00001")))
                .hasValueSatisfying(p -> assertThat(p).contains("4 after"));
    }

    @Test
    void anAmountHasAtMostSixteenDigitsAndTwoDecimals() {
        assertThat(Magnitude.AMOUNT.fits(new BigDecimal("9999999999999999.99"))).isTrue();
        assertThat(Magnitude.AMOUNT.fits(new BigDecimal("1E+16"))).isFalse();
        assertThat(Magnitude.AMOUNT.fits(new BigDecimal("-12.345"))).isFalse();
        assertThat(Magnitude.UNIT_PRICE.fits(new BigDecimal("0.000001"))).isTrue();
    }

    @Test
    void anAbsurdExponentIsRefusedWithoutExpandingTheNumber() {
        // 1e999999999 written out would be a billion digits: the check never writes it out
        BigDecimal huge = new BigDecimal("1e999999999");
        BigDecimal tiny = new BigDecimal("1e-999999999");

        assertThat(Magnitude.sane(huge)).isFalse();
        assertThat(Magnitude.sane(tiny)).isFalse();
        assertThat(Magnitude.AMOUNT.fits(huge)).isFalse();
        assertThat(Magnitude.QUANTITY.fits(tiny)).isFalse();
        assertThat(Magnitude.sane(new BigDecimal("123456.789"))).isTrue();
        assertThatThrownBy(() -> Decimals.canonical(huge)).isInstanceOf(IllegalArgumentException.class);
    }
}
