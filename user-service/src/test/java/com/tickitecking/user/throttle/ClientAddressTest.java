package com.tickitecking.user.throttle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void keysAnIpv4AddressAsItIs() {
        assertThat(ClientAddress.normalise(" 198.51.100.7 ")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.normalise("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void keysAnIpv6ClientByItsSlash64SoItCannotStepToAFreshAddress() {
        assertThat(ClientAddress.normalise("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientAddress.normalise("2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.normalise("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.normalise("2001:db8:1:2::1"));
    }

    @Test
    void somethingThatIsNotAnIpLiteralIsNoAddress() {
        assertThat(ClientAddress.normalise("evil.example.com")).isNull();
        assertThat(ClientAddress.normalise("deadbeef")).isNull();
        assertThat(ClientAddress.normalise("")).isNull();
        assertThat(ClientAddress.normalise(null)).isNull();
    }
}
