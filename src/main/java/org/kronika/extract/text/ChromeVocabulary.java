package org.kronika.extract.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What site chrome says, per language: the words of navigation and share bars, the phrases
 * that open ads, photo credits, calls to follow or support a site, and list headers such as
 * "Recent news", plus the function words whose density tells running prose from link text.
 * One {@link Language} entry per language (English, Ukrainian and Russian in full, a few others
 * with function words and the commonest labels); the language-independent patterns (times,
 * URLs, glued tag runs, counters) live in {@link LineClassifier}. Lookups are against the union of all
 * entries, so a page needs no language identification first and a language without an entry
 * still gets the shared patterns. Immutable and thread-safe.
 */
final class ChromeVocabulary {
  /**
   * One language's chrome vocabulary, all lower case.
   *
   * @param code         ISO 639-1 code of the language
   * @param navigation   whole lines that are menu or bar items ("all news", "support us")
   * @param barWords     words of share, social and language-switcher bars ("facebook", "укр")
   * @param chromeStarts how chrome lines begin ("advertisement", "photo:", "read more")
   * @param phrases      phrases that mark a short line as a photo credit or a support promo
   *                     wherever they stand in it
   * @param calls        imperatives (words or phrases) of "follow / read us on ... / subscribe" promos
   * @param listHeaders  headers of related-article, recent-news and comment lists
   * @param endings      those of them that never stand inside an article (a page's news feed,
   *                     its comments), unlike an inline "Related" box
   * @param functionWords the language's commonest function words
   */
  record Language(String code, List<String> navigation, List<String> barWords,
                  List<String> chromeStarts, List<String> phrases, List<String> calls,
                  List<String> listHeaders, List<String> endings, List<String> functionWords) {}

  static final List<Language> LANGUAGES = List.of(
      new Language("en",
          words("all sections|all news|support us|menu|search|home|sections|subscribe|sign in|log in"
              + "|sign up|login|register|contact us|about us|privacy policy|terms of use|cookie policy"
              + "|skip to content|skip to main content|back to top|share|tweet|email|print|comments"
              + "|close|more|next|previous|advertise|newsletter|newsletters|follow us|latest news"
              + "|top stories|most popular|most read|trending|related|read more|see more|load more"
              + "|show more|back to main menu|terms & conditions|site map|sitemap|rss|copyright"),
          words("facebook|twitter|telegram|instagram|youtube|linkedin|pinterest|whatsapp|viber"
              + "|reddit|flipboard|tiktok|vk|email|e-mail|share|tweet|print|search|menu|rss|x"
              + "|eng|en|ua|ukr|rus|ru|english|copy|link|comments|comment|close|subscribe"),
          words("advertisement|sponsored|share this|share on|follow us|subscribe to|sign up for"
              + "|read more|read also|see also|related:|related articles|related stories|recommended"
              + "|photo:|photos:|image:|stock photo|picture:|video:|credit:|source: getty|©|copyright"
              + "|all rights reserved|support ukrainska pravda|become our patron|support us"
              + "|click here|tap here|we use cookies|this site uses cookies|by continuing to use"
              + "|loading|please enable javascript|your browser|posted in|filed under|tags:|topics:"),
          words("getty images|stock photo|ap photo|reuters/|afp/|epa/|shutterstock|photo by"
              + "|photo credit|photograph:|credit:|become our patron|support us|donate to"),
          words("follow us|follow our|subscribe to|subscribe for|join us|join our|read us|sign up|support us"),
          words("related|related articles|related stories|related news|recent news|latest news"
              + "|most read|most popular|more news|read more|recommended|you may also like"
              + "|more from|more stories|top stories|all news|trending|popular|comments"
              + "|you might also like|recommended for you|more on this story"),
          words("recent news|latest news|all news|most read|most popular|top stories|top rated comments"
              + "|read all comments|leave a comment|leave a reply|join the conversation|post a comment"
              + "|add a comment|show comments|view comments"),
          words("the|a|an|of|to|in|and|or|is|are|was|were|be|been|has|have|had|that|this|it|its"
              + "|on|at|by|for|with|as|from|but|not|he|she|they|we|you|his|her|their|which|who"
              + "|will|would|can|could|said|says|also|after|than|there|into|about|more|one")),
      new Language("uk",
          words("усі новини|всі новини|усі розділи|всі розділи|підтримати|підтримайте нас|меню|пошук"
              + "|головна|новини|підписатися|увійти|реклама|поділитися|коментарі|читати більше"
              + "|більше новин|останні новини|популярне|контакти|про нас|архів"),
          words("укр|рус|eng|укр.|рус.|поділитися|пошук|меню|телеграм|фейсбук|твіттер|версія"),
          words("реклама|фото:|фото -|фото –|фото —|джерело фото|ілюстративне фото|відео:"
              + "|читайте також|читайте ще|дивіться також|поділитися|підписуйтесь|підписуйтеся"
              + "|приєднуйтесь|стежте за|теги:|теми:|усі права захищені|всі права захищені"),
          words("фото:|фото -|фото –|фото —|ілюстративне фото|колаж|підтримайте нас|станьте нашим патроном"),
          words("читайте|підписуйтесь|підписуйтеся|приєднуйтесь|приєднуйтеся|стежте|слідкуйте"
              + "|дивіться|підтримайте"),
          words("читайте також|останні новини|усі новини|всі новини|популярне|новини партнерів"
              + "|більше новин|головне|стрічка новин|вибір редакції|коментарі|новини за темою"),
          words("останні новини|усі новини|всі новини|стрічка новин|залишити коментар|додати коментар"),
          words("і|й|та|в|у|на|з|із|до|що|не|як|це|за|про|від|для|по|але|а|його|її|їх|він|вона"
              + "|вони|було|був|була|буде|також|який|яка|яке|які|щоб|після|під|через|так|вже")),
      new Language("ru",
          words("все новости|все разделы|поддержать|меню|поиск|главная|новости|подписаться|войти"
              + "|реклама|поделиться|комментарии|читать далее|больше новостей|последние новости"
              + "|популярное|контакты|о нас|архив"),
          words("укр|рус|eng|поделиться|поиск|меню|телеграм|фейсбук|твиттер|вконтакте|версия"),
          words("реклама|фото:|фото -|фото –|фото —|источник фото|видео:|читайте также"
              + "|смотрите также|поделиться|подписывайтесь|присоединяйтесь|следите за|теги:|темы:"
              + "|все права защищены"),
          words("фото:|фото -|фото –|фото —|коллаж|поддержите нас|станьте нашим патроном"),
          words("читайте|подписывайтесь|присоединяйтесь|следите|смотрите|поддержите"),
          words("читайте также|последние новости|все новости|популярное|новости партнеров"
              + "|больше новостей|главное|лента новостей|выбор редакции|комментарии|новости по теме"),
          words("последние новости|все новости|лента новостей|оставить комментарий|добавить комментарий"),
          words("и|в|во|на|с|со|к|по|что|не|как|это|за|о|об|от|для|но|а|его|ее|её|их|он|она|они"
              + "|было|был|была|будет|также|который|которая|которые|чтобы|после|под|через|так|уже"
              + "|из|у|же|бы|ли")),
      new Language("de", List.of(), List.of(), words("anzeige|werbung|foto:|bild:|lesen sie auch"),
          words("foto:|bild:"), words("folgen|abonnieren"), words("mehr zum thema|das könnte sie auch interessieren"),
          List.of(), words("der|die|das|und|in|zu|den|von|mit|ist|des|sich|nicht|auf|eine|ein|als|auch|es|an"
              + "|er|hat|dass|sie|wie|bei|wird|für|im|dem|aus")),
      new Language("fr", List.of(), List.of(), words("publicité|photo :|lire aussi|à lire aussi"),
          words("photo :|crédit"), words("suivez|abonnez"), words("à lire aussi|sur le même sujet"),
          List.of(), words("le|la|les|de|des|du|et|en|un|une|est|que|qui|dans|pour|pas|sur|au|il|elle|ne|se"
              + "|par|avec|a|ce|son|sa|ses|aux")),
      new Language("es", List.of(), List.of(), words("publicidad|foto:|lea también|leer más"),
          words("foto:"), words("síguenos|suscríbete"), words("noticias relacionadas|te puede interesar"),
          List.of(), words("el|la|los|las|de|del|y|en|un|una|que|es|por|con|para|se|no|al|lo|su|sus|como|más")),
      new Language("pl", List.of(), List.of(), words("reklama|fot.|foto:|czytaj także|czytaj też|zobacz też"),
          words("fot.|foto:"), words("obserwuj|subskrybuj"), words("czytaj także|zobacz także|najnowsze"),
          List.of(), words("i|w|na|z|do|że|się|nie|to|jest|o|jak|ale|po|od|za|przez|dla|jego|jej|które|który"
              + "|była|był|było")),
      new Language("cs", List.of(), List.of(), words("reklama|foto:|čtěte také|související"),
          words("foto:"), words("sledujte"), words("související články|nejčtenější"),
          List.of(), words("a|v|ve|na|z|ze|do|že|se|je|to|jak|ale|po|od|za|pro|jeho|její|které|který|byl|bylo")),
      new Language("bg", List.of(), List.of(), words("реклама|снимка:|още по темата|прочетете още"),
          words("снимка:"), words("последвайте|абонирайте"), words("още по темата|най-четени"),
          List.of(), words("и|в|на|с|за|от|да|се|не|че|е|по|към|като|но|това|той|тя|те|са|бе|беше")),
      new Language("sl", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          words("in|je|na|v|za|se|da|so|ki|pa|z|s|po|od|do|tudi|bo|bi|kot|ne|iz|pri|še|to|ter|ali")),
      new Language("pt", List.of(), List.of(), words("publicidade|foto:|leia também|leia mais"),
          words("foto:"), words("siga-nos|inscreva-se"), words("notícias relacionadas|leia também"),
          List.of(), words("o|a|os|as|de|do|da|dos|das|e|em|no|na|nos|nas|um|uma|que|é|por|com|para"
              + "|se|não|ao|seu|sua|mais|como|foi")),
      new Language("it", List.of(), List.of(), words("pubblicità|foto:|leggi anche"),
          words("foto:"), words("seguici|iscriviti"), words("articoli correlati|leggi anche"),
          List.of(), words("il|lo|la|i|gli|le|di|del|della|e|è|in|un|una|che|per|con|non|si|al|alla"
              + "|da|dei|delle|come|più")));

  private static final Set<String> NAVIGATION = union(Language::navigation);
  private static final Set<String> BAR_WORDS = union(Language::barWords);
  private static final Set<String> LIST_HEADERS = union(Language::listHeaders);
  private static final Set<String> ENDINGS = union(Language::endings);
  private static final List<String> COMMENT_STEMS = List.of("comment", "reply", "conversation", "коментар", "комментар");
  private static final Set<String> FUNCTION_WORDS = union(Language::functionWords);
  private static final Set<String> CALLS = union(Language::calls);
  private static final List<String> CHROME_STARTS = List.copyOf(union(Language::chromeStarts));
  private static final List<String> PHRASES = List.copyOf(union(Language::phrases));
  private static final Set<String> CHANNELS =
      Set.of("telegram", "viber", "youtube", "facebook", "instagram", "twitter", "whatsapp", "tiktok");
  /** Function words and bar words in one table, so that a word costs one lookup. */
  private static final Map<String, Integer> WORD_ROLES = wordRoles();
  static final int FUNCTION_WORD = 1;
  static final int BAR_WORD = 2;
  /** Chrome openings by their first character, so that a line is compared with few of them. */
  private static final Map<Character, List<String>> CHROME_STARTS_BY_CHAR = byFirstChar(CHROME_STARTS);

  private ChromeVocabulary() {}

  /** Whether the whole line, lower-cased and without end punctuation, is a menu or bar item. */
  static boolean isNavigation(String key) {
    return NAVIGATION.contains(key);
  }

  /** Whether the lower-cased line heads a list of other articles. */
  static boolean isListHeader(String key) {
    return LIST_HEADERS.contains(key);
  }

  /** Whether the lower-cased line heads what only follows an article: a news feed, comments. */
  static boolean isEnding(String key) {
    return ENDINGS.contains(key);
  }

  /** Whether the lower-cased line heads a comment thread, after which no article text comes. */
  static boolean isCommentHeader(String key) {
    if (!ENDINGS.contains(key)) {
      return false;
    }
    for (String stem : COMMENT_STEMS) {
      if (key.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  /** What a lower-cased word is here: a bit set of {@link #FUNCTION_WORD} and {@link #BAR_WORD}. */
  static int role(String lowerWord) {
    return WORD_ROLES.getOrDefault(lowerWord, 0);
  }

  /** Whether a lower-cased line opens the way ads, captions, share bars and promos do. */
  static boolean startsLikeChrome(String lower) {
    if (lower.isEmpty()) {
      return false;
    }
    for (String start : CHROME_STARTS_BY_CHAR.getOrDefault(lower.charAt(0), List.of())) {
      if (lower.startsWith(start)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a lower-cased line carries a photo credit or a support promo. */
  static boolean hasChromePhrase(String lower) {
    for (String phrase : PHRASES) {
      if (lower.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a line asks the reader to follow, read or subscribe on some channel ("read the
   * urgent news on our Telegram channel"): a channel name and an imperative in one line.
   */
  static boolean isChannelPromo(List<String> lowerWords) {
    boolean channel = false;
    for (String w : lowerWords) {
      channel |= CHANNELS.contains(w) || w.startsWith("телеграм");
    }
    if (!channel) {
      return false;
    }
    String joined = " " + String.join(" ", lowerWords) + " ";
    for (String call : CALLS) {
      if (joined.contains(" " + call + " ")) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Integer> wordRoles() {
    Map<String, Integer> roles = new HashMap<>();
    FUNCTION_WORDS.forEach(w -> roles.merge(w, FUNCTION_WORD, (a, b) -> a | b));
    BAR_WORDS.forEach(w -> roles.merge(w, BAR_WORD, (a, b) -> a | b));
    return Map.copyOf(roles);
  }

  private static Map<Character, List<String>> byFirstChar(List<String> phrases) {
    Map<Character, List<String>> map = new HashMap<>();
    for (String phrase : phrases) {
      map.computeIfAbsent(phrase.charAt(0), c -> new ArrayList<>()).add(phrase);
    }
    map.replaceAll((c, list) -> List.copyOf(list));
    return Map.copyOf(map);
  }

  private static List<String> words(String alternatives) {
    return List.of(alternatives.split("\\|"));
  }

  private static Set<String> union(Function<Language, List<String>> field) {
    Set<String> all = new HashSet<>();
    for (Language language : LANGUAGES) {
      for (String s : field.apply(language)) {
        all.add(s.toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(all);
  }
}
