package io.creditflow.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.CreditFlowWebTest;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every {@code camunda:delegateExpression} in {@code processes/} names a bean of the running application. */
@CreditFlowWebTest
class DelegateExpressionsResolveTest {

  private static final Pattern BEAN_REFERENCE = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

  @Autowired
  ApplicationContext context;

  @Test
  void everyDelegateExpressionResolvesToABean() {
    List<String> unresolved = ModelConventions.delegateExpressions(Path.of("processes")).stream()
        .filter(ref -> !resolves(ref.expression()))
        .map(ref -> ref.file() + " [" + ref.elementId() + "]: " + ref.expression())
        .toList();

    assertThat(unresolved).as("delegate expressions without a bean:%n%s", String.join("\n", unresolved)).isEmpty();
  }

  @Test
  void theCheckRecognisesMissingBeansAndNonBeanExpressions() {
    assertThat(resolves("${identityBootstrap}")).isTrue();
    assertThat(resolves("${noSuchDelegate}")).isFalse();
    assertThat(resolves("${identityBootstrap.toString()}")).isFalse();
    assertThat(resolves("notAnExpression")).isFalse();
  }

  /** A delegate expression must be a plain bean reference ({@code ${beanName}}) to a bean of this context. */
  private boolean resolves(String expression) {
    Matcher matcher = BEAN_REFERENCE.matcher(expression.trim());
    return matcher.matches() && context.containsBean(matcher.group(1));
  }
}
