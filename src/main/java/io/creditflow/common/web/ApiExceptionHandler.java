package io.creditflow.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as RFC 7807 {@code application/problem+json}: a title, a {@code detail} a caller can act on,
 * and for validation the offending fields under {@code errors}. Domain errors extend Spring's
 * {@link org.springframework.web.ErrorResponseException} (see {@link NotFoundException}, {@link ConflictException}).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final int MAX_ECHOED_VALUE = 40;

  /** One invalid field: its JSON path and what is wrong with it. */
  public record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
        .map(error -> new FieldProblem(
            error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName(),
            error.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return invalid(ex, errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = ex.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldProblem(parameterName(result.getMethodParameter().getParameterName(), error),
                error.getDefaultMessage())))
        .toList();
    return invalid(ex, errors, headers, request);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> handleInvalidRequest(InvalidRequestException ex, WebRequest request) {
    return invalid(ex, ex.problems(), new HttpHeaders(), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
    List<FieldProblem> errors = ex.getConstraintViolations().stream()
        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return invalid(ex, errors, new HttpHeaders(), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request body", describe(ex));
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      body.setProperty("errors", List.of(new FieldProblem(path(mapping), fieldMessage(mapping))));
    }
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** A body declared multipart that is not (e.g. no boundary): the caller's mistake, not a fault of ours. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
    ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request body",
        "The request body could not be read as multipart; this API takes application/json.");
    return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
    ProblemDetail body = Problems.of(HttpStatus.FORBIDDEN, "Forbidden",
        "Your groups are not permitted to do this.");
    return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected error {} on {}", errorId, request.getDescription(false), ex);
    ProblemDetail body = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "An unexpected error occurred. Quote error id " + errorId + " to support.");
    body.setProperty("errorId", errorId);
    return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  private ResponseEntity<Object> invalid(Exception ex, List<FieldProblem> errors, HttpHeaders headers,
      WebRequest request) {
    String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
    ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
        errors.size() == 1 ? "Invalid field: " + fields : errors.size() + " invalid fields: " + fields);
    body.setProperty("errors", errors);
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String parameterName(String parameter, MessageSourceResolvable error) {
    return error instanceof FieldError fieldError ? parameter + "." + fieldError.getField() : parameter;
  }

  /** A sentence a client developer can act on, without a stack trace or class names of ours. */
  static String describe(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "Field '" + path(mapping) + "': " + fieldMessage(mapping);
    }
    if (cause instanceof JsonProcessingException parse && parse.getLocation() != null) {
      return "Malformed JSON at line " + parse.getLocation().getLineNr() + ", column "
          + parse.getLocation().getColumnNr() + ".";
    }
    if (cause == null || ex.getMessage() == null || ex.getMessage().startsWith("Required request body is missing")) {
      return "A JSON request body is required.";
    }
    return "The request body could not be read as JSON of the expected shape.";
  }

  private static String fieldMessage(JsonMappingException mapping) {
    if (mapping instanceof UnrecognizedPropertyException) {
      return "unknown field.";
    }
    if (mapping instanceof InvalidFormatException format) {
      Class<?> target = format.getTargetType();
      String value = echo(format.getValue());
      if (target != null && target.isEnum()) {
        String accepted = Arrays.stream(target.getEnumConstants()).map(Object::toString)
            .collect(Collectors.joining(", "));
        return value + " is not one of " + accepted + ".";
      }
      return value + " is not a valid " + typeName(target) + ".";
    }
    if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + typeName(mismatch.getTargetType()) + ".";
    }
    return "could not be read.";
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String echo(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > MAX_ECHOED_VALUE ? text.substring(0, MAX_ECHOED_VALUE) + "…" : text) + "'";
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
    }
    return switch (type.getSimpleName()) {
      case "String" -> "text";
      case "BigDecimal", "Double", "double", "Float", "float" -> "number";
      case "Integer", "int", "Long", "long", "Short", "short" -> "whole number";
      case "Boolean", "boolean" -> "true or false";
      case "LocalDate" -> "date (yyyy-MM-dd)";
      case "OffsetDateTime", "ZonedDateTime", "Instant" -> "date-time with offset (e.g. 2027-01-31T09:00:00+08:00)";
      case "List", "Set", "Collection" -> "array";
      default -> "object";
    };
  }
}
