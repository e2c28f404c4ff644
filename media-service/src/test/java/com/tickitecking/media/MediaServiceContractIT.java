package com.tickitecking.media;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceContract;

@IntegrationTest
class MediaServiceContractIT extends ServiceContract {
}
