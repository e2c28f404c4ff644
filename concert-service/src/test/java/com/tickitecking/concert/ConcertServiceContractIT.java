package com.tickitecking.concert;

import com.tickitecking.platform.testing.IntegrationTest;
import com.tickitecking.platform.testing.ServiceContract;

@IntegrationTest
class ConcertServiceContractIT extends ServiceContract {
}
