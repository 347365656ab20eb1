package io.zwgk.bot.access;

/**
 * Every action a use case performs, with who may perform it: the one table of roles. Chat commands, admin API routes
 * and the console all reach these through the same use-case methods, which ask {@link Access}.
 */
public enum Action {
  /** Read the statistics, rankings, the overview, the working-day calculator. */
  QUERY(Rule.ANYONE),
  /** Bind oneself to a unit, or remove the binding. */
  BIND(Rule.ANYONE),
  /** See one's own unit's items due and findings (待办, 逾期, 问题). */
  VIEW_OWN_ITEMS(Rule.OWN_UNIT),
  /** Report one's own unit's task done, column updated, account closed, today's reminders seen. */
  REPORT_PROGRESS(Rule.OWN_UNIT),
  /** Answer a finding as rectified: the finding's unit, or office staff on its behalf. */
  RECTIFY(Rule.OWN_UNIT_OR_OFFICE),
  /** Pass or return a rectification (复核). */
  REVIEW(Rule.OFFICE),
  /** Mute an item's reminders for some days (暂停提醒). */
  SNOOZE(Rule.OFFICE),
  /** Run the site monitor now (检查). */
  RUN_CHECK(Rule.OFFICE),
  /** Import a statistics table or a tracked list, or remove imported data. */
  IMPORT(Rule.OFFICE),
  /** See the unpublished bulletin's items, add or remove them, set hand-entered counts. */
  EDIT_BULLETIN(Rule.OFFICE),
  /** Send the draft bulletin to the office groups. */
  PREVIEW_BULLETIN(Rule.OFFICE),
  /** Publish the bulletin to every broadcast group. */
  PUBLISH_BULLETIN(Rule.OFFICE);

  /** Who may perform an action. */
  public enum Rule {
    /** Everyone who can write to the robot. */
    ANYONE,
    /** Someone bound to a unit, for that unit. */
    OWN_UNIT,
    /** Someone bound to the unit concerned, or office staff. */
    OWN_UNIT_OR_OFFICE,
    /** Office staff (and the admin token) only. */
    OFFICE
  }

  private final Rule rule;

  Action(Rule rule) {
    this.rule = rule;
  }

  /** Who may perform this action. */
  public Rule rule() {
    return rule;
  }
}
