package io.zwgk.bot.remind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The shape of {@code reminders.yaml} as written; {@link ReminderRulesFile} checks it and fills defaults. */
record RulesDocument(String zone, RulesDocument.QuietEntry quietHours, List<RulesDocument.ScheduleEntry> schedules,
    Map<String, Integer> dueSoonWorkingDays, Map<String, String> columns, RulesDocument.AccountsEntry accounts,
    RulesDocument.LettersEntry letters, RulesDocument.FindingsEntry findings, RulesDocument.OpenDaysEntry openDays,
    RulesDocument.EscalationEntry escalation) {

  record QuietEntry(String from, String to) {
  }

  record ScheduleEntry(String name, String cron, JsonNode kinds, Boolean escalate) {
  }

  record AccountsEntry(String stale) {
  }

  record LettersEntry(Integer limitWorkingDays, Integer extensionWorkingDays, List<Integer> remindAt) {
  }

  record FindingsEntry(Integer deadlineWorkingDays) {
  }

  record OpenDaysEntry(Integer planWindowWorkingDays, Integer publicityWorkingDays) {
  }

  record EscalationEntry(Integer afterWorkingDays) {
  }
}
