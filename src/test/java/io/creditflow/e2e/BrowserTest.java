package io.creditflow.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives the staff webapps in a real browser (JUnit tag {@code e2e}): it runs when chromium and
 * chromedriver are installed and is reported skipped, with the reason, when they are not ({@link RequiresBrowser}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("e2e")
@ExtendWith(RequiresBrowser.class)
public @interface BrowserTest {}
