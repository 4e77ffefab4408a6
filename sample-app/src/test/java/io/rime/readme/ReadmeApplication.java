package io.rime.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the README's "Testing your application" section: the {@link ModelGate}
 * service and nothing else of the sample.
 */
@SpringBootApplication
class ReadmeApplication {

}
