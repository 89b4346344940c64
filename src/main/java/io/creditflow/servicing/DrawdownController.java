package io.creditflow.servicing;

import io.creditflow.origination.LoanPurpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/credit-lines/{id}/drawdowns}: further loans on a credit line, requested through a channel. */
@RestController
@Tag(name = "Loans")
class DrawdownController {

  record DrawdownRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+",
          message = "may contain letters, digits and . _ : - only") String drawdownReference,
      @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
      @NotNull @Min(1) @Max(DisbursementService.MAX_TERM_MONTHS) Integer termMonths,
      @NotNull LoanPurpose purpose) {}

  record DrawdownBody(String drawdownReference, String creditLineId, String loanNumber, BigDecimal amount,
      int termMonths, LoanPurpose purpose, BigDecimal annualRate, LocalDate disbursedOn, LocalDate firstDueDate,
      BigDecimal firstInstalment, LocalDate maturityDate, BigDecimal availableAmount) {}

  private final DrawdownService drawdowns;

  DrawdownController(DrawdownService drawdowns) {
    this.drawdowns = drawdowns;
  }

  @PostMapping("/api/credit-lines/{id}/drawdowns")
  @PreAuthorize(LoanController.PAYERS)
  @Operation(summary = "Draw a further loan on an ACTIVE line (idempotent by drawdownReference): 201 with the loan "
      + "and its schedule summary, 200 on a repeat, 409 when the line is FROZEN or CLOSED")
  ResponseEntity<DrawdownBody> draw(@PathVariable String id, @Valid @RequestBody DrawdownRequest request,
      Principal principal) {
    DrawdownResult result = drawdowns.draw(id, new DrawdownCommand(request.drawdownReference(), request.amount(),
        request.termMonths(), request.purpose()), principal.getName());
    Drawdown d = result.drawdown();
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new DrawdownBody(d.getDrawdownReference(), d.getCreditLineId(), d.getLoanNumber(), d.getAmount(),
            d.getTermMonths(), d.getPurpose(), result.annualRate(), d.getDrawnOn(), result.firstDueDate(),
            result.firstInstalment(), result.maturityDate(), result.availableAmount()));
  }
}
