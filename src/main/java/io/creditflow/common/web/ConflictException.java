package io.creditflow.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 409 problem: the request contradicts the current state, e.g. a client reference reused with a different body. */
public class ConflictException extends ErrorResponseException {

  public ConflictException(String detail) {
    super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "Conflict", detail), null);
  }

}
