package io.creditflow.common.web;

import java.util.List;

/** 400: fields that break a business rule Bean Validation cannot express (product limits, age on the engine clock). */
public class InvalidRequestException extends RuntimeException {

  private final transient List<ApiExceptionHandler.FieldProblem> problems;

  public InvalidRequestException(List<ApiExceptionHandler.FieldProblem> problems) {
    super(problems.size() + " invalid field(s)");
    this.problems = List.copyOf(problems);
  }

  public List<ApiExceptionHandler.FieldProblem> problems() {
    return problems;
  }
}
