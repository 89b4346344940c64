package io.creditflow.sample;

// Test fixture for the form field rule (ModelConventionsTest): not compiled, only scanned for string literals.

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

public class CreateOfferDelegate implements JavaDelegate {

    private static final char QUOTE = '"';

    @Override
    public void execute(DelegateExecution execution) {
        Object conditions = execution.getVariable("conditions");
        String comment = (String) execution.getVariable("reviewComment");
        execution.setVariable("offerText", "Offer with conditions " + conditions + QUOTE + comment + QUOTE);
    }
}
