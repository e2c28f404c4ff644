package com.tickitecking.concert;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceContract;

@IntegrationTest
class ConcertServiceContractIT extends ServiceContract {
}
