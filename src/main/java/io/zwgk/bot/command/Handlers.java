package io.zwgk.bot.command;

/** The handler groups {@link CommandTable}'s entries call: each translates a command into a use case and a reply. */
record Handlers(StatsCommands stats, ReminderCommands reminders, CheckCommands checks, BulletinCommands bulletins,
    ImportCommands imports) {
}
