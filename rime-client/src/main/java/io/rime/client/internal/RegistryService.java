package io.rime.client.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.rime.client.RimeApiException;
import io.rime.client.RimeException;
import io.rime.client.registry.DataInfo;
import io.rime.client.registry.ModelInfo;
import io.rime.client.registry.RimeDataset;
import io.rime.client.registry.RimeModel;
import io.rime.client.registry.ValidityStatus;

/**
 * The registry calls behind {@code RimeClient}: register and wait for validation, read by id or name,
 * list all pages, delete.
 */
final class RegistryService {

	private final RimeApi api;

	private final Registrar registrar;

	private final PagedReads pagedReads;

	/**
	 * Create the service.
	 * @param api the API
	 * @param registrar registers and waits for validation
	 * @param pagedReads walks the pages of the lists
	 */
	RegistryService(RimeApi api, Registrar registrar, PagedReads pagedReads) {
		this.api = api;
		this.registrar = registrar;
		this.pagedReads = pagedReads;
	}

	/**
	 * Register a dataset and wait until RIME validated it.
	 * @param projectId the project
	 * @param name the name
	 * @param dataInfo where the data is
	 * @return the validated dataset
	 */
	public RimeDataset registerDataset(String projectId, String name, DataInfo dataInfo) {
		Registrar.Registration registration = this.registrar.registerDataset(projectId, name, dataInfo);
		this.registrar.awaitValidation("register_dataset", List.of(registration),
				"the dataset stays registered as invalid: delete it or register the fixed data under another name");
		return dataset(this.api.getDataset(registration.id(), null).dataset(), registration.id());
	}

	/**
	 * Register a model and wait until RIME validated it.
	 * @param projectId the project
	 * @param name the name
	 * @param modelInfo where the model is
	 * @return the validated model
	 */
	public RimeModel registerModel(String projectId, String name, ModelInfo modelInfo) {
		Registrar.Registration registration = this.registrar.registerModel(projectId, name, modelInfo);
		this.registrar.awaitValidation("register_model", List.of(registration),
				"the model stays registered as invalid: delete it or register the fixed model under another name");
		return model(this.api.getModel(registration.id(), null).model(), registration.id());
	}

	/**
	 * Read a dataset.
	 * @param datasetId the id, or {@code null}
	 * @param name the name, or {@code null}
	 * @return the dataset
	 */
	public RimeDataset getDataset(@Nullable String datasetId, @Nullable String name) {
		return dataset(this.api.getDataset(datasetId, name).dataset(), (datasetId != null) ? datasetId : "");
	}

	/**
	 * Read a model.
	 * @param modelId the id, or {@code null}
	 * @param name the name, or {@code null}
	 * @return the model
	 */
	public RimeModel getModel(@Nullable String modelId, @Nullable String name) {
		return model(this.api.getModel(modelId, name).model(), (modelId != null) ? modelId : "");
	}

	/**
	 * List a project's datasets, all pages.
	 * @param projectId the project
	 * @return the datasets, in RIME's order
	 */
	public List<RimeDataset> listDatasets(String projectId) {
		List<RimeDataset> datasets = new ArrayList<>();
		this.pagedReads.forEach("list_datasets", (token) -> this.api.listDatasets(projectId, token), (page) -> {
			if (page.datasets() != null) {
				page.datasets().stream().filter((dataset) -> dataset != null && dataset.datasetId() != null)
					.forEach((dataset) -> datasets.add(dataset(dataset, dataset.datasetId())));
			}
		});
		return List.copyOf(datasets);
	}

	/**
	 * List a project's models, all pages.
	 * @param projectId the project
	 * @return the models, in RIME's order
	 */
	public List<RimeModel> listModels(String projectId) {
		List<RimeModel> models = new ArrayList<>();
		this.pagedReads.forEach("list_models", (token) -> this.api.listModels(projectId, token), (page) -> {
			if (page.models() != null) {
				page.models().stream()
					.filter((model) -> model != null && model.model() != null && model.model().modelId() != null)
					.forEach((model) -> models.add(model(model, model.model().modelId().uuid())));
			}
		});
		return List.copyOf(models);
	}

	/**
	 * Run a delete that is done when the thing is gone: a 404 (it was gone already, or an earlier
	 * attempt whose answer was lost deleted it) answers {@code false}.
	 * @param delete the call
	 * @return whether this call found the thing
	 */
	public static boolean deleted(Runnable delete) {
		try {
			delete.run();
			return true;
		}
		catch (RimeApiException ex) {
			if (ex.getHttpStatus() == 404) {
				return false;
			}
			throw ex;
		}
	}

	private static RimeDataset dataset(Wire.@Nullable Dataset dataset, String datasetId) {
		if (dataset == null) {
			throw new RimeException("RIME answered get_dataset for '" + datasetId + "' without a dataset");
		}
		JsonNode info = dataset.dataInfo();
		String path = (info != null) ? text(info.path("connectionInfo").path("dataFile").path("path")) : null;
		String labelCol = (info != null) ? text(info.path("dataParams").path("labelCol")) : null;
		return new RimeDataset((dataset.datasetId() != null) ? dataset.datasetId() : datasetId, orEmpty(dataset.name()),
				ids(dataset.projectIds()), WireMapper.instant(dataset.creationTime()), path, labelCol,
				ValidityStatus.fromWireName(dataset.validityStatus()), emptyToNull(dataset.validityStatusMessage()));
	}

	private static RimeModel model(Wire.@Nullable ModelWithOwner withOwner, String modelId) {
		Wire.Model model = (withOwner != null) ? withOwner.model() : null;
		if (model == null) {
			throw new RimeException("RIME answered get_model for '" + modelId + "' without a model");
		}
		JsonNode info = model.modelInfo();
		String path = (info != null) ? text(info.path("modelPath").path("path")) : null;
		String id = (model.modelId() != null && model.modelId().uuid() != null) ? model.modelId().uuid() : modelId;
		return new RimeModel(id, orEmpty(model.name()), ids(model.projectIds()), WireMapper.instant(model.creationTime()),
				path, ValidityStatus.fromWireName(model.validityStatus()), emptyToNull(model.validityStatusMessage()));
	}

	private static List<String> ids(@Nullable List<Wire.Id> ids) {
		return (ids != null) ? ids.stream().filter((id) -> id != null && id.uuid() != null).map(Wire.Id::uuid).toList()
				: List.of();
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isString() && !node.stringValue().isEmpty()) ? node.stringValue() : null;
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static @Nullable String emptyToNull(@Nullable String text) {
		return (text != null && !text.isEmpty()) ? text : null;
	}

}
