package io.rime.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application the test-support tests run: nothing of its own but auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {

}
