package com.tickitecking.media;

import com.tickitecking.platform.testing.IntegrationTest;
import com.tickitecking.platform.testing.ServiceContract;

@IntegrationTest
class MediaServiceContractIT extends ServiceContract {
}
