package io.creditflow.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The loan's contact history, and the customer's cease-contact requests. Recipients are always masked.
 */
@RestController
@Tag(name = "Contacts")
class ContactController {

  static final String READERS = "hasAnyAuthority('api-clients', 'camunda-admin', 'collectors', 'senior-collectors',"
      + " 'legal', 'complaint-handlers', 'complaint-managers', 'risk-managers', 'compliance')";
  /** The customer's channels, and staff who hear the request on the phone or in a complaint. */
  static final String REQUESTERS = "hasAnyAuthority('api-clients', 'camunda-admin', 'collectors',"
      + " 'senior-collectors', 'complaint-handlers')";
  /** Only the customer (through a channel) or complaint staff lift it; collectors never do. */
  static final String WITHDRAWERS = "hasAnyAuthority('api-clients', 'camunda-admin', 'complaint-handlers')";

  record CeaseContactBody(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+",
          message = "may contain letters, digits and . _ : - only") String requestReference,
      @Size(max = 500) String note) {}

  private final ContactHistoryService history;
  private final CeaseContactService ceaseContact;

  ContactController(ContactHistoryService history, CeaseContactService ceaseContact) {
    this.history = history;
    this.ceaseContact = ceaseContact;
  }

  @GetMapping("/api/loans/{loanNumber}/contacts")
  @PreAuthorize(READERS)
  @Operation(summary = "Every notification, contact-policy decision and call of a loan, newest first (recipients"
      + " masked), with holds, cease-contact requests and whether a call is allowed now")
  ContactHistoryService.LoanContacts contacts(@PathVariable String loanNumber) {
    return history.of(loanNumber);
  }

  @PostMapping("/api/loans/{loanNumber}/cease-contact-requests")
  @PreAuthorize(REQUESTERS)
  @Operation(summary = "The customer asks to stop being contacted about the loan (idempotent by requestReference)")
  ResponseEntity<ContactHistoryService.CeaseView> requestCeaseContact(@PathVariable String loanNumber,
      @Valid @RequestBody CeaseContactBody body, Principal principal) {
    String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
    CeaseContactService.Result result;
    try {
      result = ceaseContact.request(loanNumber, body.requestReference(), note, principal.getName());
    } catch (DataIntegrityViolationException race) {
      // a concurrent twin with the same reference committed first: answer as for a repeat
      result = ceaseContact.existing(loanNumber, body.requestReference(), note).orElseThrow(() -> race);
    }
    ContactHistoryService.CeaseView view = history.view(result.request());
    if (!result.created()) {
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/loans/" + loanNumber + "/cease-contact-requests/" + body.requestReference()))
        .body(view);
  }

  @GetMapping("/api/loans/{loanNumber}/cease-contact-requests/{requestReference}")
  @PreAuthorize(READERS)
  @Operation(summary = "One cease-contact request")
  ContactHistoryService.CeaseView ceaseContactRequest(@PathVariable String loanNumber,
      @PathVariable String requestReference) {
    return history.view(ceaseContact.get(loanNumber, requestReference));
  }

  @DeleteMapping("/api/loans/{loanNumber}/cease-contact-requests/{requestReference}")
  @PreAuthorize(WITHDRAWERS)
  @Operation(summary = "Withdraw a cease-contact request: the customer may be contacted again (idempotent)")
  ContactHistoryService.CeaseView withdrawCeaseContact(@PathVariable String loanNumber,
      @PathVariable String requestReference, Principal principal) {
    return history.view(ceaseContact.withdraw(loanNumber, requestReference, principal.getName()));
  }
}
