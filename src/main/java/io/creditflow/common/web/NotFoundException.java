package io.creditflow.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404 problem: the named resource does not exist (or the caller may not know that it does). */
public class NotFoundException extends ErrorResponseException {

  public NotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "Not found", detail), null);
  }

}
