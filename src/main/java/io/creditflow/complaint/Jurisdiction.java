package io.creditflow.complaint;

import java.time.Period;

/**
 * The complaint-handling deadlines of a jurisdiction profile ({@code creditflow.complaints.jurisdiction}). Final
 * deadlines count calendar days from receipt, as the sources do; acknowledgement and summary resolution count
 * business days of the configured calendar.
 *
 * <ul>
 *   <li>CN: 15 days, for complex cases up to 30 — 《银行业保险业消费投诉处理管理办法》 (CBIRC, in force 1 March 2020):
 *       "事实清楚、争议情况简单的消费投诉 … 应当在15日内办理完毕并告知投诉人，情况复杂的可延长至30日" (as summarised by
 *       the regulator's announcement, e.g. https://linqubank.com/v/624). Here the extension needs complaint-managers'
 *       approval and the customer is told.</li>
 *   <li>UK: FCA Handbook DISP 1.6.2R, a final response "by the end of eight weeks after its receipt of the complaint";
 *       DISP 1.5.1R, complaints resolved "by close of business on the third business day following the day on which
 *       it is received" may get a summary resolution communication (DISP 1.5.4R)
 *       (https://www.handbook.fca.org.uk/handbook/DISP/1/5.html, /DISP/1/6.html).</li>
 *   <li>US: CFPB Company Portal Manual §8.1: a response "within 15 calendar days", or "In progress" and a final
 *       response "within 60 calendar days" (as quoted at http://llt4fun.insidearm.com/news/00043245).</li>
 * </ul>
 */
public enum Jurisdiction {

  CN(Period.ofDays(15), Period.ofDays(30), 0, null),
  UK(Period.ofWeeks(8), null, 3, null),
  US(Period.ofDays(60), null, 0, Period.ofDays(15));

  private final Period finalResponse;
  private final Period extendedFinalResponse;
  private final int summaryResolutionBusinessDays;
  private final Period inProgressResponse;

  Jurisdiction(Period finalResponse, Period extendedFinalResponse, int summaryResolutionBusinessDays,
      Period inProgressResponse) {
    this.finalResponse = finalResponse;
    this.extendedFinalResponse = extendedFinalResponse;
    this.summaryResolutionBusinessDays = summaryResolutionBusinessDays;
    this.inProgressResponse = inProgressResponse;
  }

  /** Calendar time from receipt to the final response. */
  public Period finalResponse() { return finalResponse; }

  /** The longer time complaint-managers may grant; null: no extension in this jurisdiction. */
  public Period extendedFinalResponse() { return extendedFinalResponse; }

  /** Business days after the day of receipt by whose close a summary resolution is possible; 0: none. */
  public int summaryResolutionBusinessDays() { return summaryResolutionBusinessDays; }

  /** Calendar time by which an "in progress" response is due when there is no final one yet; null: none. */
  public Period inProgressResponse() { return inProgressResponse; }
}
