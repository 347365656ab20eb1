package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.chat.IncomingFile;
import io.zwgk.bot.imports.ChatImports;
import java.util.Optional;

/** A file sent to the robot, {@code 确认导入} and {@code 取消} (office staff): the chat side of {@link ChatImports}. */
final class ImportCommands {
  static final String STAFF_ONLY = "抱歉，发送文件导入数据仅限县政务公开办工作人员使用。如需报送数据，请联系县政务公开办。";
  static final String UNAVAILABLE = "本服务未开启聊天导入文件，请通过管理接口导入。";

  private final Optional<ChatImports> imports;

  /** @param imports empty for a command service built without importers (tests, benchmarks) */
  ImportCommands(Optional<ChatImports> imports) {
    this.imports = imports;
  }

  Future<String> receive(IncomingFile file, Asker asker) {
    return imports.map(i -> i.receive(asker.withoutUnit(), file)).orElseGet(ImportCommands::unavailable);
  }

  Future<String> confirm(Asker asker) {
    return imports.map(i -> i.confirm(asker.withoutUnit())).orElseGet(ImportCommands::unavailable);
  }

  Future<String> cancel(Asker asker) {
    return imports.map(i -> i.cancel(asker.withoutUnit())).orElseGet(ImportCommands::unavailable);
  }

  private static Future<String> unavailable() {
    return Future.succeededFuture(UNAVAILABLE);
  }
}
