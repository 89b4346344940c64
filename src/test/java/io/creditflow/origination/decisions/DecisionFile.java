package io.creditflow.origination.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

/** The origination decision tables: one decision per file, file name = decision id in kebab case. */
enum DecisionFile {

  SCORECARD("scorecard", "scorecard.dmn"),
  RISK_GRADE("riskGrade", "risk-grade.dmn"),
  CREDIT_DECISION("creditDecision", "credit-decision.dmn"),
  CREDIT_TERMS("creditTerms", "credit-terms.dmn"),
  PROMOTIONS("promotions", "promotions.dmn");

  /** Where the models live; tests run with the project directory as working directory. */
  static final Path FOLDER = Path.of("processes/origination");

  private final String decisionId;
  private final String fileName;

  DecisionFile(String decisionId, String fileName) {
    this.decisionId = decisionId;
    this.fileName = fileName;
  }

  String decisionId() {
    return decisionId;
  }

  String fileName() {
    return fileName;
  }

  Path path() {
    return FOLDER.resolve(fileName);
  }

  /** The file read with the DMN model API, for checks of its structure. */
  DmnModelInstance model() {
    try (InputStream in = Files.newInputStream(path())) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ids of all rules in the file, in table order. */
  List<String> ruleIds() {
    return model().getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
  }
}
