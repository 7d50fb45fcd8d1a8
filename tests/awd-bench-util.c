/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-bench-util"

#include "config.h"

#include "awd-bench-util.h"
#include "awd-store-nominations.h"

static const char * const words[] = {
  "библиотека", "библиография", "международный", "проект", "перевод", "чтения", "клуб",
  "ёлка", "ёжик", "книга", "книжный", "мост", "обмен", "наследие", "цифровой", "архив",
  "литература", "фестиваль", "выставка", "фонд", "читатель", "школа", "конференция",
  "сотрудничество", "Европа", "Азия", "Урал", "Сибирь", "Москва", "Казань", "Минск",
  "диалог", "культура", "язык", "словарь", "поэзия", "журнал", "музей", "театр", "детский",
};

double
awd_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
awd_bench_compare_doubles (gconstpointer a,
                           gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

static const char *
random_word (GRand *rand)
{
  return words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
}

void
awd_bench_add_nominations (AwdStore *store,
                           gint64    round_id,
                           guint     n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241031);
  g_autoptr(GError) error = NULL;

  if (!awd_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdNomination) nomination = awd_nomination_new ();
      g_autoptr(GString) title = g_string_new (NULL);
      g_autofree char *ref = g_strdup_printf ("2024-%06u", i + 1);

      for (guint w = 0; w < 4; w++)
        g_string_append_printf (title, "%s%s", w > 0 ? " " : "", random_word (rand));
      awd_nomination_set_round_id (nomination, round_id);
      awd_nomination_set_ref (nomination, ref);
      awd_nomination_set_title (nomination, title->str);
      awd_nomination_set_institution (nomination, random_word (rand));
      awd_nomination_set_city (nomination, random_word (rand));
      awd_nomination_set_region (nomination, random_word (rand));
      awd_nomination_set_received (nomination, "2024-10-31");
      if (!awd_store_bulk_insert_nomination (store, nomination, &error))
        g_error ("%s", error->message);
    }
  if (!awd_store_audit (store, round_id, "import", "nominations", round_id, NULL, "bench", &error) ||
      !awd_store_commit (store, &error))
    g_error ("%s", error->message);
}
