"""모델: 여러 장이 다시 쓰는 모델과 그 학습 방법.

``build_mnist_cnn``과 ``train_mnist_cnn``은 14장(MNIST 합성곱 신경망)에서 한 줄씩 만든 것을
뒷장(가중치 비트 수 줄이기 등)이 같은 모델로 실험할 수 있게 옮겨 둔 것입니다.
"""

from __future__ import annotations

import numpy as np

MNIST_IMAGE_SHAPE = (28, 28, 1)


def build_mnist_cnn(
    conv_filters: tuple[int, int] = (32, 64),
    kernel_size: int = 5,
    dense_units: int = 128,
    dropout_rate: float = 0.3,
    num_classes: int = 10,
):
    """합성곱 두 번, 최대 풀링 두 번, 완전 연결 두 층으로 된 MNIST 분류기 (14장).

    입력은 ``(28, 28, 1)`` 모양에 0~1로 맞춘 이미지이고, 출력은 부류별 확률입니다.
    """
    import keras
    from keras import layers

    if len(conv_filters) != 2 or min(conv_filters) < 1:
        raise ValueError(f"conv_filters에는 양의 정수 두 개를 주세요. 받은 값: {conv_filters}")
    if not 0.0 <= dropout_rate < 1.0:
        raise ValueError(f"dropout_rate는 0 이상 1 미만이어야 합니다. 받은 값: {dropout_rate}")
    first_filters, second_filters = conv_filters
    return keras.Sequential(
        [
            keras.Input(shape=MNIST_IMAGE_SHAPE),
            layers.Conv2D(first_filters, kernel_size, activation="relu", name="conv1"),
            layers.MaxPooling2D(pool_size=2, name="pool1"),
            layers.Conv2D(second_filters, kernel_size, activation="relu", name="conv2"),
            layers.MaxPooling2D(pool_size=2, name="pool2"),
            layers.Flatten(name="flatten"),
            layers.Dropout(dropout_rate, name="dropout1"),
            layers.Dense(dense_units, activation="relu", name="dense"),
            layers.Dropout(dropout_rate, name="dropout2"),
            layers.Dense(num_classes, activation="softmax", name="output"),
        ],
        name="mnist_cnn",
    )


def check_mnist_images(images) -> np.ndarray:
    """이미지 배열이 ``(개수, 28, 28, 1)`` 모양의 0~1 실수인지 확인하고 float32로 돌려줍니다."""
    images = np.asarray(images)
    if images.ndim == 3:
        images = images[..., np.newaxis]
    if images.ndim != 4 or images.shape[1:] != MNIST_IMAGE_SHAPE:
        raise ValueError(
            f"MNIST 이미지는 (개수, 28, 28, 1) 또는 (개수, 28, 28) 모양이어야 합니다. 받은 모양: {images.shape}"
        )
    if not np.issubdtype(images.dtype, np.number):
        raise TypeError(f"이미지는 숫자 배열이어야 합니다. 받은 자료형: {images.dtype}")
    if images.size and (images.min() < 0.0 or images.max() > 1.0):
        raise ValueError(
            "이미지의 밝기는 0~1이어야 합니다. 0~255라면 255로 나눠 주세요. "
            f"받은 범위: {images.min()}~{images.max()}"
        )
    return images.astype("float32")


def train_mnist_cnn(
    model,
    x_train,
    y_train,
    validation_data,
    epochs: int = 4,
    batch_size: int = 128,
    learning_rate: float = 2e-3,
    verbose: int = 0,
):
    """14장과 같은 방법(Adam, 코사인 학습률)으로 학습하고 ``History``를 돌려줍니다."""
    import keras

    x_train = check_mnist_images(x_train)
    x_valid, y_valid = validation_data
    x_valid = check_mnist_images(x_valid)
    if len(x_train) != len(y_train):
        raise ValueError(f"이미지 수({len(x_train)})와 레이블 수({len(y_train)})가 다릅니다.")
    if not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs는 1 이상의 정수여야 합니다. 받은 값: {epochs!r}")
    steps_per_epoch = int(np.ceil(len(x_train) / batch_size))
    schedule = keras.optimizers.schedules.CosineDecay(learning_rate, decay_steps=epochs * steps_per_epoch)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=schedule),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        steps_per_execution=16,
        jit_compile=False,
    )
    return model.fit(
        x_train,
        y_train,
        epochs=epochs,
        batch_size=batch_size,
        validation_data=(x_valid, y_valid),
        verbose=verbose,
    )
