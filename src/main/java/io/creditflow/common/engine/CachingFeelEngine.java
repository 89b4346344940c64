package io.creditflow.common.engine;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Camunda's FEEL engine for DMN, parsing each expression once. Camunda 7.24's {@link ScalaFeelEngine} parses every
 * input entry and output entry again on every evaluation ({@code FeelEngine.evalUnaryTests(String, Context)} =
 * parse, then evaluate); the origination benchmark found this parsing to be the largest single cost of an application
 * (the scorecard has 32 rules of 9 inputs). This engine keeps the parsed expressions (immutable syntax trees, safe to
 * share between threads) by text and evaluates them with the same context as {@link ScalaFeelEngine}: the decision's
 * variables, and for unary tests the input value under {@code inputVariableName}. Results and errors are the same.
 * It also builds FEEL's table of built-in functions once instead of once per evaluation ({@link #evaluate}).
 */
class CachingFeelEngine extends ScalaFeelEngine {

  /** Expressions are texts of deployed models: a bounded set. Past this many the cache starts again. */
  static final int MAX_ENTRIES = 20_000;

  private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
  private final ValueMapper valueMapper;
  private final FeelInterpreter interpreter;
  /** FEEL's built-in functions and the configured custom ones, built once (see {@link #evaluate}). */
  private final FunctionProvider functions;

  CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    this.valueMapper = feelEngine.valueMapper();
    this.interpreter = new FeelInterpreter(valueMapper);
    this.functions = new FunctionProvider.CompositeFunctionProvider(
        toScalaList(new BuiltinFunctions(feelEngine.clock(), valueMapper), feelEngine.functionProvider()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, false);
    if (parsed == null) {
      return super.evaluateSimpleExpression(expression, variableContext); // reports the parse failure as Camunda does
    }
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) evaluate(parsed, context);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, true);
    if (parsed == null) {
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    VariableProvider.StaticVariableProvider input = new VariableProvider.StaticVariableProvider(
        new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return BoxesRunTime.unboxToBoolean(evaluate(parsed, context));
  }

  /** How many parsed expressions and unary tests are kept (for tests). */
  int cached() {
    return expressions.size() + unaryTests.size();
  }

  private ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression, boolean unary) {
    ParsedExpression parsed = cache.get(expression);
    if (parsed != null) {
      return parsed;
    }
    Either<Failure, ParsedExpression> result = unary ? feelEngine.parseUnaryTests(expression)
        : feelEngine.parseExpression(expression);
    if (result instanceof Right<Failure, ParsedExpression> right) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(expression, right.value());
      return right.value();
    }
    return null;
  }

  /**
   * Evaluates as {@code org.camunda.feel.FeelEngine.eval(ParsedExpression, Context)} does (feel-engine 1.19): the
   * expression in a root context of the built-in and custom functions merged with {@code context}, a failure when the
   * result is an error or an assertion failed, else the result unpacked by the value mapper. The difference: FEEL
   * builds its root context, including every built-in function ({@code new BuiltinFunctions}), anew for each
   * evaluation, which the due-date wave benchmark measured at 6 % of a collection start's CPU and which a decision
   * table pays once per input entry; here the function provider is built once and only the per-evaluation parts (the
   * variables and the failure collector) are new. Expressions were validated when parsed ({@link #parsed}).
   */
  private Object evaluate(ParsedExpression parsed, CustomContext context) {
    EvalContext root = new EvalContext(valueMapper, VariableProvider.EmptyVariableProvider$.MODULE$, functions,
        new EvaluationFailureCollector());
    Val value;
    EvalContext evalContext;
    try {
      evalContext = root.merge(context);
      value = interpreter.eval(parsed.expression(), evalContext);
    } catch (RuntimeException e) {
      throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "' : " + e);
    }
    if (evalContext.failureCollector().failures()
        .exists(failure -> EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType()))) {
      throw LOGGER.evaluationException("Assertion failure on evaluate the expression '" + parsed.text() + "'");
    }
    if (value instanceof ValError error) {
      throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error.error());
    }
    if (value instanceof ValFatalError error) {
      throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error.error());
    }
    return valueMapper.unpackVal(value);
  }

  /** Creates {@link CachingFeelEngine}s with the custom functions the engine configures. */
  static final class Factory implements FeelEngineFactory {
    private final List<FeelCustomFunctionProvider> functionProviders;

    Factory(List<FeelCustomFunctionProvider> functionProviders) {
      this.functionProviders = functionProviders;
    }

    @Override
    public FeelEngine createInstance() {
      return new CachingFeelEngine(functionProviders);
    }
  }

  /** Installs the caching FEEL engine in the process engine's DMN engine. */
  @Component
  static class Installer extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
      DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
          ? configuration.getDmnEngineConfiguration()
          : (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
      // the engine adds its own function providers (none by default) when it builds the DMN engine; read them then
      dmn.setFeelEngineFactory(new FeelEngineFactory() {
        @Override
        public FeelEngine createInstance() {
          List<FeelCustomFunctionProvider> providers = dmn.getFeelCustomFunctionProviders();
          return new Factory(providers == null ? List.of() : providers).createInstance();
        }
      });
    }
  }
}
