package io.zwgk.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of the README, checked on the compiled main classes. (Still to come with issue 13: no
 * dependency cycles between the top-level packages; today store/ holds the features' stores.)
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.zwgk.bot");

  @Test
  @DisplayName("only store/ uses Lettuce: every other class sees Vert.x futures")
  void lettuceOnlyInStore() {
    noClasses().that().resideOutsideOfPackage("io.zwgk.bot.store..")
        .should().dependOnClassesThat().resideInAPackage("io.lettuce..")
        .check(MAIN);
  }

  @Test
  @DisplayName("commands and the features never see a platform type (chat/dingtalk, chat/wecom, chat/feishu)")
  void noPlatformTypesOutsideChat() {
    noClasses().that().resideInAnyPackage("io.zwgk.bot.command..", "io.zwgk.bot.stats..", "io.zwgk.bot.bulletin..",
            "io.zwgk.bot.remind..", "io.zwgk.bot.monitor..", "io.zwgk.bot.store..", "io.zwgk.bot.config..")
        .should().dependOnClassesThat().resideInAnyPackage("io.zwgk.bot.chat.dingtalk..", "io.zwgk.bot.chat.wecom..",
            "io.zwgk.bot.chat.feishu..")
        .check(MAIN);
  }
}
