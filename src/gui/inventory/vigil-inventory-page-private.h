/* vigil-inventory-page-private.h — what the inventory page's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-window.h"
#include "vigil-inventory-page.h"
#include "vigil-row-list.h"
#include "vigil-store-assets.h"

G_BEGIN_DECLS

struct _VigilInventoryPage
{
  GtkWidget          parent_instance;

  VigilStore        *store;
  gulong             changed_id;

  VigilRecordList   *assets;
  VigilRowList      *asset_rows;   /* what the column view shows */
  GtkSingleSelection *asset_selection;
  VigilAssetSort     sort;
  gboolean           descending;
  gint64             asset_id;
  gboolean           keeping_selection;

  VigilRecordList   *documents;
  GtkSingleSelection *doc_selection;
  gint64             document_id;

  GCancellable      *extract_cancellable;
  gboolean           extracting;
  gboolean           extract_again;

  guint              n_hits;

  /* template */
  GtkWidget         *box;
  GtkWidget         *stack;
  GtkWidget         *search_entry;
  GtkWidget         *progress;
  GtkWidget         *asset_filter;
  GtkWidget         *asset_list_stack;
  GtkWidget         *asset_view;
  GtkWidget         *asset_detail;
  GtkWidget         *doc_side;
  GtkWidget         *doc_filter;
  GtkWidget         *doc_list;
  GtkWidget         *doc_detail;
  GtkWidget         *preview;
  GtkWidget         *search_results;
};

/* vigil-inventory-page-actions.c */
void vigil_inventory_page_class_init_actions (GtkWidgetClass     *widget_class);

G_END_DECLS
