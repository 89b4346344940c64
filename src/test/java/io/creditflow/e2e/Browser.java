package io.creditflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its own chromedriver, looking at the Camunda webapps of one running
 * application the way staff do: log in, pick a Tasklist filter, open a task, claim it, fill its Camunda Form by the
 * fields' labels, complete it; Cockpit's process lists. Every wait is an explicit wait on the page (or, through
 * {@link #until}, on the engine); nothing sleeps. Screenshots go to {@code target/e2e/<test>-<nn>-<step>.png}.
 */
final class Browser implements AutoCloseable {

  /** How long a page may take to show what a step waits for (2 cores shared with other builds: generous). */
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Path SCREENSHOTS = Path.of("target", "e2e");

  private final ChromeDriver driver;
  private final String baseUrl;
  private String test = "test";
  private int step;

  Browser(int port) {
    this.baseUrl = "http://localhost:" + port;
    // The driver and the browser are the installed Debian programs: with both paths given, Selenium neither looks
    // for nor downloads a driver or a browser (no Selenium Manager, no WebDriverManager).
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, RequiresBrowser.chromedriver().toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(RequiresBrowser.chromedriver().toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions()
        .setBinary(RequiresBrowser.chromium().toFile())
        .addArguments(
            "--headless=new",
            "--no-sandbox",                      // CI runs as root in a container: no user namespace for the sandbox
            "--disable-dev-shm-usage",           // containers have a small /dev/shm
            "--disable-background-networking",   // no update checks, no metrics, no calls out of the machine
            "--disable-extensions",
            "--disable-component-update",
            "--no-first-run",
            "--window-size=1400,1000",           // fixed: the same layout (and screenshots) everywhere
            "--lang=en-US")                      // the webapps' texts (labels the tests look for) in English
        .setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
    this.driver = new ChromeDriver(service, options);
  }

  /** Names the screenshots of the test that starts now; steps count from 1. */
  void startTest(String testName) {
    this.test = testName;
    this.step = 0;
  }

  // ---------------------------------------------------------------------------------------------- session

  /** Opens {@code app} ("tasklist", "cockpit") and logs in on Camunda's own login form (right password only). */
  void login(String app, String user, String password) {
    logout();
    driver.get(baseUrl + "/camunda/app/" + app + "/");
    WebElement username = visible(By.cssSelector("form[name='signinForm'] input[ng-model='username']"));
    username.sendKeys(user);
    driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys(password);
    screenshot(app + "-login-" + user);
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    // the app replaces the login form once the user is authenticated
    waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
  }

  /** Ends the webapp session: a fresh session cookie means Camunda asks for a login again. */
  void logout() {
    if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(baseUrl)) {
      driver.manage().deleteAllCookies();
    }
  }

  // ---------------------------------------------------------------------------------------------- Tasklist

  /** Selects a shared Tasklist filter by its name and waits until its task list has loaded. */
  void tasklistFilter(String name) {
    click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),"
        + literal(name) + ")]"));
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'task-filter') and contains(@class,'active')]//h4/a[starts-with(normalize-space(.),"
            + literal(name) + ")]")));
    awaitTaskList();
  }

  /** Waits until the task list shows tasks or says there are none (its loader hidden). */
  void awaitTaskList() {
    waitFor().until(d -> !d.findElements(By.cssSelector("[cam-tasks] ol.tasks-list > li.task")).isEmpty()
        || !d.findElements(By.xpath("//div[@cam-tasks]//div[contains(@class,'well') and contains(.,'No task matching')]"))
        .isEmpty());
  }

  /** The link of a task in the current list, found by the task's id (Tasklist links each card to #/?task=id). */
  static By taskCard(String taskId) {
    return By.cssSelector("[cam-tasks] a[href='#/?task=" + taskId + "']");
  }

  /** Waits until the current list no longer shows the task (e.g. once it is completed). */
  void awaitGone(String taskId) {
    waitFor().until(ExpectedConditions.numberOfElementsToBe(taskCard(taskId), 0));
  }

  boolean listsTask(String taskId) {
    return !driver.findElements(taskCard(taskId)).isEmpty();
  }

  /** Opens a task from the list and waits for its Camunda Form to render. */
  void openTask(String taskId) {
    click(taskCard(taskId));
    visible(By.cssSelector("[cam-tasklist-task] .fjs-container form.fjs-form"));
  }

  /** Opens a task by its address, as a bookmarked or shared link would. */
  void openTaskByLink(String taskId) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
  }

  /** Claims the open task and waits until Tasklist shows it as assigned (the form becomes editable). */
  void claim() {
    click(By.cssSelector("[cam-tasklist-task] button.claim"));
    visible(By.cssSelector("[cam-tasklist-task] button.unclaim"));
    waitFor().until(d -> d.findElements(By.cssSelector("[cam-tasklist-task] .disabled-form")).isEmpty());
  }

  /** Clicks the open task's Complete button. */
  void complete() {
    By button = By.xpath("//div[@cam-tasklist-task]//button[normalize-space(.)='Complete']");
    waitFor().until(ExpectedConditions.elementToBeClickable(button));
    click(button);
  }

  /** The text block of the open form that starts with {@code heading}. */
  String formSection(String heading) {
    return visible(By.xpath("//div[contains(@class,'fjs-form-field-text')][*[1][normalize-space(.)="
        + literal(heading) + "]]")).getText();
  }

  /** Picks {@code option} of the form's radio group labelled {@code group}. */
  void choose(String group, String option) {
    click(By.xpath("//div[contains(@class,'fjs-form-field-radio')][label[1][starts-with(normalize-space(.),"
        + literal(group) + ")]]//label[normalize-space(.)=" + literal(option) + "]"));
  }

  /** Types into the form field whose label starts with {@code label} (the label's {@code for} names the input). */
  void fill(String label, String value) {
    WebElement input = field(label);
    input.clear();
    input.sendKeys(value);
  }

  /** The input of the form field labelled {@code label}. */
  WebElement field(String label) {
    WebElement labelElement = visible(By.xpath("//div[contains(@class,'fjs-form-field')]//label[starts-with("
        + "normalize-space(.)," + literal(label) + ")][@for]"));
    WebElement input = driver.findElement(By.id(labelElement.getDomAttribute("for")));
    scrollIntoView(input);
    return input;
  }

  /** Waits for a Tasklist notification containing {@code text} and returns its text. */
  String notification(String text) {
    return visible(By.xpath("//div[contains(@class,'notifications') or @cam-notifications]//*[contains(normalize-space(.),"
        + literal(text) + ")]")).getText();
  }

  // ---------------------------------------------------------------------------------------------- basics

  WebElement visible(By by) {
    return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /**
   * Clicks an element once it is clickable, scrolled to the middle of the window first: the webapps' fixed footer
   * would otherwise receive a click on an element at the bottom edge.
   */
  void click(By by) {
    WebElement element = waitFor().until(ExpectedConditions.elementToBeClickable(by));
    scrollIntoView(element);
    waitFor().ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class)
        .until(d -> {
          d.findElement(by).click();
          return true;
        });
  }

  private void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  WebDriverWait waitFor() {
    return new WebDriverWait(driver, PATIENCE);
  }

  /** An explicit wait on something other than the page (e.g. the engine), polled; fails after {@link #PATIENCE}. */
  static <T> T until(String what, Supplier<T> condition) {
    return new FluentWait<>(what).withTimeout(PATIENCE).pollingEvery(Duration.ofMillis(200))
        .withMessage(() -> "waited " + PATIENCE.toSeconds() + " s for " + what)
        .until(ignored -> {
          T value = condition.get();
          return value instanceof Boolean b && !b ? null : value;
        });
  }

  /** Saves a PNG of the window as {@code target/e2e/<test>-<nn>-<name>.png}. */
  Path screenshot(String name) {
    step++;
    return save(String.format("%s-%02d-%s", test, step, name));
  }

  /** A screenshot and the page's HTML for a failed test ({@code <test>-FAILED.png/.html}). */
  void saveFailure() {
    save(test + "-FAILED");
    try {
      Files.writeString(SCREENSHOTS.resolve(test + "-FAILED.html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path save(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An XPath string literal for any text (quotes included). */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
