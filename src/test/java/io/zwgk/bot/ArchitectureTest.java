package io.zwgk.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The architecture rules of the README, checked on the compiled main classes. */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.zwgk.bot");

  @Test
  @DisplayName("only store/ and the features' *Store classes use Lettuce: every other class sees Vert.x futures")
  void lettuceOnlyInStore() {
    noClasses().that().resideOutsideOfPackage("io.zwgk.bot.store..").and().haveSimpleNameNotEndingWith("Store")
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

  @Test
  @DisplayName("the chat core (chat/ itself) sees no platform type: platforms plug in through its interfaces, and the"
      + " one place that names them is the wiring in io.zwgk.bot.Services")
  void chatCoreImportsNoPlatform() {
    noClasses().that().resideInAPackage("io.zwgk.bot.chat")
        .should().dependOnClassesThat().resideInAnyPackage("io.zwgk.bot.chat.dingtalk..", "io.zwgk.bot.chat.wecom..",
            "io.zwgk.bot.chat.feishu..")
        .check(MAIN);
  }

  @Test
  @DisplayName("no dependency cycles between the feature packages: store/ is plumbing and imports no feature")
  void noCycles() {
    slices().matching("io.zwgk.bot.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  @DisplayName("store/ imports no feature package")
  void storeImportsNoFeature() {
    noClasses().that().resideInAPackage("io.zwgk.bot.store..")
        .should().dependOnClassesThat().resideInAnyPackage("io.zwgk.bot.chat..", "io.zwgk.bot.command..",
            "io.zwgk.bot.stats..", "io.zwgk.bot.bulletin..", "io.zwgk.bot.remind..", "io.zwgk.bot.monitor..",
            "io.zwgk.bot.http..", "io.zwgk.bot.config..")
        .check(MAIN);
  }

  @Test
  @DisplayName("routes translate HTTP to use cases: no *Routes class touches a *Store (or Lettuce) directly")
  void routesUseUseCases() {
    noClasses().that().haveSimpleNameEndingWith("Routes")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
        .check(MAIN);
  }
}
