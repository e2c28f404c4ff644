package com.tickitecking.user.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void acceptsEightToFifteenCharactersWithALetterADigitAndASpecialCharacter() {
        assertThat(PasswordPolicy.accepts("abcdef1!")).as("8").isTrue();
        assertThat(PasswordPolicy.accepts("abcdefghijkl12!")).as("15").isTrue();
    }

    @Test
    void refusesSevenOrSixteenCharacters() {
        assertThat(PasswordPolicy.accepts("abcde1!")).as("7").isFalse();
        assertThat(PasswordPolicy.accepts("abcdefghijklm12!")).as("16").isFalse();
    }

    @Test
    void refusesAPasswordWithoutALetter() {
        assertThat(PasswordPolicy.accepts("12345678!")).isFalse();
    }

    @Test
    void refusesAPasswordWithoutADigit() {
        assertThat(PasswordPolicy.accepts("abcdefgh!")).isFalse();
    }

    @Test
    void refusesAPasswordWithoutASpecialCharacter() {
        assertThat(PasswordPolicy.accepts("abcdefgh1")).isFalse();
    }

    @Test
    void refusesNoPassword() {
        assertThat(PasswordPolicy.accepts(null)).isFalse();
    }
}
